"""Hostile and random input never gets a 500 or a non-problem error, and never a partial row."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
article_like = st.fixed_dictionaries(
    {},
    optional={
        "body": st.text(max_size=200) | json_values,
        "content_type": st.sampled_from(["text/plain", "text/html", "text/markdown", "x/y", ""])
        | json_values,
        "title": st.text(max_size=30) | json_values,
        "external_id": st.text(max_size=30) | json_values,
        "url": st.text(max_size=30) | json_values,
        "callback_url": st.sampled_from(["http://10.0.0.1/", "gopher://x", "http://[::1]/", ""])
        | json_values,
        "metadata": json_values,
    },
)

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(payload=article_like | json_values)
def test_random_json_to_intake(client, publisher, payload):
    response = client.post("/v1/articles", json=payload, headers=publisher.auth)
    assert response.status_code in (202, 400, 413, 415, 422), response.get_data(as_text=True)
    if response.status_code != 202:
        assert response.mimetype == "application/problem+json"
        assert response.get_json()["status"] == response.status_code


@FUZZ
@given(raw=st.binary(max_size=300))
def test_random_bytes_to_intake_and_check(client, publisher, raw):
    for path in ("/v1/articles", "/v1/check"):
        response = client.post(path, data=raw, headers={**publisher.auth, "Content-Type": "application/json"})
        assert response.status_code in (202, 200, 400, 413, 415, 422)
        if response.status_code >= 400:
            assert response.mimetype == "application/problem+json"


@FUZZ
@given(
    query=st.dictionaries(
        st.sampled_from(["status", "decision", "since", "limit", "cursor"]), st.text(max_size=20), max_size=5
    )
)
def test_random_list_queries(client, publisher, query):
    response = client.get("/v1/articles", query_string=query, headers=publisher.auth)
    assert response.status_code in (200, 400, 422)
    if response.status_code != 200:
        assert response.mimetype == "application/problem+json"
