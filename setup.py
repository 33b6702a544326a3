"""Package discovery for the wheel (the rest of the configuration is in pyproject.toml).

geo's packages are found, so a new sub-package needs no entry anywhere; the bundled dataset
(``data/``, installed as ``geo.bundled``) and the dashboard (``app.py``, ``pages/``, ``ui/``,
installed as ``blockade_map_app``) are found below their folders and mapped in under those names.
Folders of data files (catalogues, scripts, styles) are namespace packages holding package data.
"""
from setuptools import find_namespace_packages, setup
from setuptools.command.build_py import build_py


def _under(prefix: str, where: str, include: list[str]) -> list[str]:
    return [prefix] + [f"{prefix}.{name}" for name in find_namespace_packages(where=where, include=include)]


class BuildPy(build_py):
    """The checkout's root is the app package: this script is not part of the app."""

    def find_package_modules(self, package, package_dir):
        modules = super().find_package_modules(package, package_dir)
        return [m for m in modules if not (package == "blockade_map_app" and m[1] == "setup")]


setup(packages=(find_namespace_packages(include=["geo", "geo.*"])
                + _under("geo.bundled", "data", ["*"])
                + _under("blockade_map_app", ".", ["pages", "ui"])),
      cmdclass={"build_py": BuildPy})
