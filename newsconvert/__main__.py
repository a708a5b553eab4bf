"""``python -m newsconvert``: the command-line interface."""

from newsconvert.cli import main

raise SystemExit(main())
