"""Corpora, demo-corpus builders, feature preparation and datasets."""
