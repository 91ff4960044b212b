"""The connection budget: small pools by default, profile/URL settings, pooler mode."""

from __future__ import annotations

import pytest
from sqlalchemy.pool import NullPool

from deskapp.config import Profile, ProfileError
from deskapp.models.database import (
    MAX_OVERFLOW,
    POOL_SIZE,
    behind_pooler,
    make_engine,
    normalize_url,
    pool_plan,
    split_pool_plan,
)


def test_default_budget_is_two_plus_two():
    engine = make_engine("postgresql://u@db.example/desk")
    assert (engine.pool.size(), engine.pool._max_overflow) == (POOL_SIZE, MAX_OVERFLOW) == (2, 2)
    assert not behind_pooler(engine)
    assert "prepare_threshold" not in engine.dialect.create_connect_args(engine.url)[1]


def test_url_parameters_set_the_plan_and_never_reach_libpq():
    url, plan = split_pool_plan(
        normalize_url("postgresql://u@pgb:6432/desk?pool_size=3&max_overflow=0&pooler=pgbouncer")
    )
    assert (plan.pool_size, plan.max_overflow, plan.pooler) == (3, 0, "pgbouncer")
    assert dict(url.query) == {}
    engine = make_engine("postgresql://u@pgb:6432/desk?pool_size=3&max_overflow=0&pooler=pgbouncer")
    assert behind_pooler(engine) and pool_plan(engine).max_connections == 3
    args = engine.dialect.create_connect_args(engine.url)[1]
    assert "pooler" not in str(args) and "pool_size" not in str(args)


def test_no_pool_engines_keep_working():
    engine = make_engine("postgresql://u@h/d?pooler=pgbouncer", poolclass=NullPool)
    assert behind_pooler(engine)


@pytest.mark.parametrize("query", ["pool_size=0", "max_overflow=-1", "pool_size=x", "pooler=odd"])
def test_bad_url_parameters_are_named(query):
    with pytest.raises(ValueError, match=query.split("=")[0]):
        make_engine(f"postgresql://u@h/d?{query}")


def test_profile_carries_the_budget_into_the_url():
    p = Profile("cc", "postgresql", host="pgb", port=6432, database="desk", user="a",
                pool_size=3, max_overflow=1, pooler="pgbouncer").validated()
    query = dict(p.url().query)
    assert query["pool_size"] == "3" and query["max_overflow"] == "1"
    assert query["pooler"] == "pgbouncer"
    assert "via pgbouncer" in p.label()
    plain = Profile("d", "postgresql", host="h", database="x", user="u").validated()
    assert set(plain.url().query) == {"sslmode"}
    with pytest.raises(ProfileError, match="pooler"):
        Profile("e", "postgresql", host="h", database="x", user="u", pooler="pgpool").validated()
    with pytest.raises(ProfileError, match="pool_size"):
        Profile("e", "postgresql", host="h", database="x", user="u", pool_size=0).validated()
