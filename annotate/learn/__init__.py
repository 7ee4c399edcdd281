"""Learning from reviews: lexicon additions and a score calibration from what reviewers submitted."""
