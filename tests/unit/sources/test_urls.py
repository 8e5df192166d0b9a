from __future__ import annotations

import pytest

from bot.errors import BadInput
from bot.sources.urls import looks_like_wdtk, request_slug, user_slug

BASE = "https://www.whatdotheyknow.com"


@pytest.mark.parametrize("link", [
    "https://www.whatdotheyknow.com/request/numbers_of_complaints_to_ico",
    "https://www.whatdotheyknow.com/cy/request/numbers_of_complaints_to_ico",
    "https://www.whatdotheyknow.com/request/numbers_of_complaints_to_ico/response/123456",
    "https://www.whatdotheyknow.com/request/numbers_of_complaints_to_ico#incoming-987",
    "https://www.whatdotheyknow.com/request/numbers_of_complaints_to_ico#outgoing-12",
    "https://www.whatdotheyknow.com/request/numbers_of_complaints_to_ico?utm_source=twitter&utm_medium=social",
    "http://whatdotheyknow.com/request/numbers_of_complaints_to_ico",
    "whatdotheyknow.com/request/numbers_of_complaints_to_ico",
    "  https://WWW.WhatDoTheyKnow.com/request/numbers_of_complaints_to_ico/  ",
    "https://www.whatdotheyknow.com/request/numbers_of_complaints_to_ico.json",
])
def test_every_form_of_a_request_link_gives_its_url_title(link: str) -> None:
    assert request_slug(link, BASE) == "numbers_of_complaints_to_ico"


@pytest.mark.parametrize("link", [
    "https://example.com/request/numbers_of_complaints_to_ico",
    "https://www.whatdotheyknow.com.evil.example/request/x",
    "https://righttoknow.org.au/request/x",
    "ftp://www.whatdotheyknow.com/request/x",
])
def test_a_link_to_another_site_is_refused_saying_it_is_not_wdtk(link: str) -> None:
    with pytest.raises(BadInput, match="not a WhatDoTheyKnow link"):
        request_slug(link, BASE)


@pytest.mark.parametrize("link", [
    "https://www.whatdotheyknow.com/body/home_office",
    "https://www.whatdotheyknow.com/",
    "https://www.whatdotheyknow.com/request/",
    "https://www.whatdotheyknow.com/list/successful",
    "https://www.whatdotheyknow.com/request/12345",
])
def test_a_wdtk_link_that_is_not_a_request_is_refused_saying_so(link: str) -> None:
    with pytest.raises(BadInput, match="not a request"):
        request_slug(link, BASE)


def test_an_empty_link_asks_for_one_with_an_example() -> None:
    with pytest.raises(BadInput, match="whatdotheyknow.com/request/"):
        request_slug("   ", BASE)


def test_the_fake_sites_address_is_accepted_only_with_its_port() -> None:
    assert request_slug("http://127.0.0.1:8123/request/abc", "http://127.0.0.1:8123") == "abc"
    with pytest.raises(BadInput, match="not a WhatDoTheyKnow link"):
        request_slug("http://127.0.0.1:9999/request/abc", "http://127.0.0.1:8123")


def test_a_profile_link_gives_the_users_url_name() -> None:
    assert user_slug("https://www.whatdotheyknow.com/user/jo_bloggs#profile", BASE) == "jo_bloggs"
    assert user_slug("https://www.whatdotheyknow.com/cy/user/jo_bloggs", BASE) == "jo_bloggs"
    with pytest.raises(BadInput, match="not a profile"):
        user_slug("https://www.whatdotheyknow.com/request/x", BASE)


def test_a_wdtk_link_is_recognised_in_a_field_meant_for_an_authority() -> None:
    assert looks_like_wdtk("https://www.whatdotheyknow.com/request/x", BASE)
    assert not looks_like_wdtk("Home Office", BASE)
