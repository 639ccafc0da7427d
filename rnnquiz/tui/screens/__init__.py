"""One screen per file; the registry in `rnnquiz.tui.registry` says how each is opened."""
