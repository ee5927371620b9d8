"""Presenters: domain results as text for the model and the person behind it."""
