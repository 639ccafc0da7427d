"""The RNN lab's numerics: cells with exact BPTT, the demo experiments, and text plots (no Textual)."""
