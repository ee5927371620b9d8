"""The pure model of a TiFlux helpdesk: entities, value objects, errors. No I/O, no frameworks."""
