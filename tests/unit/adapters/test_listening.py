"""`serve` and `fake-api` claim their port first: one clear line for a busy port or a foreign address."""

from __future__ import annotations

import socket

import pytest

from adapters.listening import PortUnavailable, claim_port


def test_port_0_gets_a_real_port() -> None:
    with claim_port("127.0.0.1", 0) as claimed:
        assert claimed.getsockname()[1] > 0


def test_a_busy_port_says_so_and_what_to_do() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(PortUnavailable) as raised:
            claim_port("127.0.0.1", port)
    assert f"127.0.0.1:{port}" in str(raised.value) and "already in use" in str(raised.value)
    assert "--port" in str(raised.value) and "Errno" not in str(raised.value)


def test_an_address_of_another_machine_names_the_host_flag() -> None:
    with pytest.raises(PortUnavailable) as raised:
        claim_port("192.0.2.1", 0)  # TEST-NET-1: never an address of this machine
    assert "not an address of this machine" in str(raised.value) and "--host" in str(raised.value)
