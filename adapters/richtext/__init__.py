"""Rich text for TiFlux: the AI model's Markdown turned into the safe HTML the helpdesk stores."""
