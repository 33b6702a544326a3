"""Benchmarks of the dashboard at 1,000 to 100,000 events against a naive folium baseline.

``make bench`` (``python -m bench``) writes ``bench/results.json`` and prints a table.
"""
