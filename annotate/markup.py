"""Escaping what comes from data for every format the project writes.

Document ids, project titles, annotator e-mails, affiliation values, model versions and reasons
come from files and from Label Studio, where anyone may type ``"<script>…</script>"@x.org`` or a
newline. Whatever format a writer produces, a value from data goes through one of these and reads
back as the text it was, never as markup or as a line of its own:

- :func:`markdown_text` for Markdown prose and table cells (also safe where Markdown is rendered
  with raw HTML allowed: GitHub, most previewers);
- :func:`markdown_code` for a value shown as inline code;
- :func:`conll_value` for a CoNLL comment or column value (one line, no tab);
- :func:`html_text` / :func:`html_attribute` for HTML;
- :func:`css_colour` for a colour that goes into a style sheet.
"""

from __future__ import annotations

import html
import re

# Everything Python (str.splitlines) or a Markdown/CoNLL reader may take for the end of a line.
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAK = re.compile(f"[{_LINE_BREAKS}]+")
# Markdown's inline syntax that can open emphasis, code, links, tables or strike-through anywhere in a
# line (CommonMark lets any ASCII punctuation be backslash-escaped); the rest of the punctuation only
# acts at the start of a line (#, -, +, =, 1.), escaped there by _MARKDOWN_LINE_START. Escaping only
# what can act keeps the card readable as plain text: "alice@example.org", "(left out)".
_MARKDOWN_ACTIVE = re.compile(r"([\\`*_\[\]|~])")
_MARKDOWN_LINE_START = re.compile(r"^(\s*)(?=[#+\-=])|^(\s*\d+)(?=[.)])")
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def one_line(value: object) -> str:
    """``value`` as text on one line: every kind of line break becomes a space."""
    return _LINE_BREAK.sub(" ", str(value))


def markdown_text(value: object) -> str:
    """``value`` as literal text in Markdown prose or a table cell: no emphasis, link, heading,
    table column, HTML tag or entity can come out of it, and it stays on one line."""
    text = one_line(value)
    text = html.escape(text, quote=False)  # <, > and & first: raw HTML and entities are inert
    text = _MARKDOWN_ACTIVE.sub(r"\\\1", text)
    return _MARKDOWN_LINE_START.sub(lambda m: m.group(0) + "\\", text, count=1)


def markdown_cell(value: object) -> str:
    """``value`` as a Markdown table cell: like :func:`markdown_text`, but a cell is never at the start of a
    line, so "-" or "1." stay as they are."""
    text = html.escape(one_line(value), quote=False)
    return _MARKDOWN_ACTIVE.sub(r"\\\1", text)


def markdown_code(value: object) -> str:
    """``value`` as inline code, whatever backticks it holds (HTML in a code span is shown, not run)."""
    text = one_line(value)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def conll_value(value: object) -> str:
    """``value`` on one CoNLL line: backslash, tab and line breaks escaped as ``\\\\``, ``\\t``, ``\\n``…,
    so an id with a newline cannot forge a token line, and the original can be read back."""
    escaped = str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return re.sub(f"[{_LINE_BREAKS}]", lambda m: f"\\u{ord(m.group()):04x}", escaped)


def html_text(value: object) -> str:
    """``value`` as HTML text content."""
    return html.escape(str(value), quote=False)


def html_attribute(value: object) -> str:
    """``value`` inside a double- or single-quoted HTML attribute."""
    return html.escape(str(value), quote=True)


def css_colour(value: object) -> str:
    """``value`` if it is a ``#rrggbb`` colour, else ``ValueError``: nothing else may enter a style sheet."""
    text = str(value)
    if not _HEX_COLOUR.fullmatch(text):
        raise ValueError(f"colour must be #rrggbb (six hexadecimal digits), not {text!r}")
    return text
