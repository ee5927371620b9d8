"""Performance and memory measurements (`make bench`); targets live here, not in timed tests."""
