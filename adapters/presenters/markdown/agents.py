"""Agents in Markdown. Names, e-mails, phones and signatures are the users' own words: inline, escaped."""

from __future__ import annotations

from collections.abc import Iterator

from adapters.presenters.markdown.format import Formatter, bullet, lines
from adapters.presenters.markdown.labels import label
from adapters.presenters.markdown.text import inline
from application.use_cases.agents import AgentWritten
from domain.agents import Agent


def _licences(agent: Agent, fmt: Formatter) -> str | None:
    given = agent.licences.given()
    if not given:
        return None
    t = fmt.t
    return ", ".join(f"{t(f'agents.{key}')}: {fmt.yes_no(on)}" for key, on in given.items())


def _details(agent: Agent, fmt: Formatter) -> Iterator[str | None]:
    t = fmt.t
    yield bullet(t("agents.email"), inline(agent.email) or t("none"))
    if agent.type:
        yield bullet(
            t("agents.type"),
            t(f"agents.type.{agent.type}") if t.has(f"agents.type.{agent.type}") else inline(agent.type),
        )
    if agent.active is not None:
        yield bullet(t("agents.active"), fmt.yes_no(agent.active))
    if agent.technical_group_id is not None:
        yield bullet(t("agents.group"), f"ID {agent.technical_group_id}")
    if agent.telephone:
        yield bullet(t("agents.telephone"), inline(agent.telephone))
    if agent.extension:
        yield bullet(t("agents.extension"), inline(agent.extension))
    if agent.client_ids:
        yield bullet(t("agents.clients"), ", ".join(str(i) for i in agent.client_ids))
    if agent.last_login_at:
        yield bullet(t("agents.last_login"), fmt.when(agent.last_login_at))
    if agent.gauth_enabled is not None:
        yield bullet(t("agents.gauth"), fmt.yes_no(agent.gauth_enabled))
    if agent.signature:
        yield bullet(t("agents.signature"), inline(agent.signature, limit=200))
    licences = _licences(agent, fmt)
    if licences:
        yield bullet(t("agents.licences"), licences)


def present_agent(agent: Agent, fmt: Formatter) -> str:
    t = fmt.t
    heading = t("agents.heading", name=inline(agent.name) or t("none"), id=agent.id)
    return lines(f"## {heading}", [line for line in _details(agent, fmt) if line], "", t("agents.hint"))


def present_agent_written(written: AgentWritten, fmt: Formatter) -> str:
    t = fmt.t
    agent = written.agent
    key = "agents.updated" if written.changed else "agents.created"
    out = [f"## {t(key, name=inline(agent.name) or t('none'), id=agent.id)}"]
    out.extend(line for line in _details(agent, fmt) if line)
    if written.changed:
        out.append(bullet(t("agents.changed"), ", ".join(f"`{k}`" for k in written.changed)))
    for decision in written.decisions:
        out.append(f'- `{decision.field}` "{inline(decision.term)}" → {inline(label(decision.record, t))}')
    return lines(out, "", t("agents.hint"))
