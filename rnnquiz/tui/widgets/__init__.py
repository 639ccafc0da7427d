"""Reusable widgets. Each one renders content text literally (see `literal.py`)."""
