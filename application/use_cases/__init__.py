"""One use case per user intention; each receives the ports it needs and returns domain objects."""
