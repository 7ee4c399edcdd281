"""stanza models for Arabic: prepare UD Arabic-PUD, train small models offline, load them once.

``prepare`` turns the treebank into files stanza's trainers accept, ``train`` runs those
trainers within a time budget and caches the result, ``load`` is the one place that builds a
``stanza.Pipeline`` (offline, explicit model paths).
"""
