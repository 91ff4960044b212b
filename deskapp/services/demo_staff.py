"""The demo desk's staff, teams and passwords: what ``deskapp demo`` creates
(services.demo) and what the login dialog of a demo database shows (services.demo_logins),
in a module of its own so the login does not load the demo generator."""

from __future__ import annotations

from deskapp.models.enums import Role

# Demo passwords, one per role: README.md lists them (section "Demo logins").
DEMO_PASSWORDS: dict[Role, str] = {
    Role.AGENT: "agent-demo",
    Role.SPECIALIST: "specialist-demo",
    Role.SUPERVISOR: "supervisor-demo",
    Role.MANAGER: "manager-demo",
    Role.ADMIN: "admin-demo",
}

# (username, display name, role, tier, language, site, teams)
DEMO_STAFF: list[tuple[str, str, Role, int, str, str, tuple[str, ...]]] = [
    ("ali", "علی رضایی", Role.AGENT, 1, "fa", "HQ", ("Front desk",)),
    ("sara", "سارا احمدی", Role.AGENT, 1, "fa", "HQ", ("Front desk",)),
    ("zahra", "زهرا کاظمی", Role.AGENT, 1, "fa", "HQ", ("Front desk",)),
    ("john", "John Miller", Role.AGENT, 1, "en", "HQ", ("Front desk",)),
    ("neda", "ندا تبریزی", Role.AGENT, 1, "fa", "TBZ", ("Front desk",)),
    ("yousef", "یوسف اکبری", Role.AGENT, 1, "fa", "TBZ", ("Front desk",)),
    ("leila", "لیلا موسوی", Role.AGENT, 1, "fa", "HQ", ("VIP care",)),
    ("emily", "Emily Clarke", Role.AGENT, 1, "en", "HQ", ("VIP care",)),
    ("reza", "رضا کریمی", Role.SPECIALIST, 2, "fa", "HQ", ("Billing",)),
    ("mina", "مینا صادقی", Role.SPECIALIST, 2, "fa", "HQ", ("Billing",)),
    ("omid", "امید نوری", Role.SPECIALIST, 2, "fa", "HQ", ("Network",)),
    ("parisa", "پریسا جعفری", Role.SPECIALIST, 2, "fa", "HQ", ("Network",)),
    ("babak", "بابک قاسمی", Role.SPECIALIST, 2, "fa", "HQ", ("Field service",)),
    ("arash", "آرش یزدانی", Role.SPECIALIST, 2, "fa", "TBZ", ("Field service",)),
    ("maryam", "مریم حسینی", Role.SUPERVISOR, 2, "fa", "HQ", ("Front desk", "VIP care")),
    ("farhad", "فرهاد شریفی", Role.SUPERVISOR, 2, "fa", "HQ", ("Billing",)),
    ("david", "David Turner", Role.SUPERVISOR, 2, "en", "HQ", ("Network", "Field service")),
    ("nima", "نیما مرادی", Role.MANAGER, 3, "fa", "HQ", ()),
    ("admin", "System administrator", Role.ADMIN, 1, "en", "HQ", ()),
]

# (name, skills, tier, supervisor username, description)
DEMO_TEAMS: list[tuple[str, list[str], int, str, str]] = [
    ("Front desk", ["general"], 1, "maryam", "Tier 1: answers every channel first."),
    ("VIP care", ["general", "vip"], 1, "maryam", "Tier 1 for VIP customers."),
    ("Billing", ["billing"], 2, "farhad", "Bills, payments, refunds."),
    ("Network", ["network"], 2, "david", "Outages, slow lines, line tests."),
    ("Field service", ["field_service", "installation"], 2, "david", "Site visits and installs."),
]
