"""`python -m app.cli` is the same as the `aktindsigt` console script."""

from app.cli import main

raise SystemExit(main())
