"""rnnquiz: study Recurrent Neural Networks in the terminal."""

__version__ = "0.1.0"
