"""``python -m geo.cli``: the ``blockade-map`` command."""
import sys

from geo.cli.main import main

sys.exit(main())
