"""The ``blockade-map`` command line: :mod:`geo.cli.main` assembles the commands of the
other modules of this package (data, corridors, export, intake)."""
