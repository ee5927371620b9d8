"""Every scenario under features/ runs as a test; a step without a definition fails it."""

from pytest_bdd import scenarios

scenarios(".")
