"""MediaDownloader against real local HTTP servers (no mocks of the downloader)."""

from __future__ import annotations

import base64
import ipaddress
import logging
import socket
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from qila.media.download import (
    MediaDownloader,
    MediaPolicy,
    host_matches,
    is_supported_image,
)
from qila.media.errors import (
    MediaNotReady,
    MediaRefused,
    MediaTooLarge,
    MediaTransientError,
    UnsupportedMediaType,
)
from qila.netguard import AddressPolicy
from tests.media.httpserver import RecordingServer, Reply, running

SID = "AC00000000000000000000000000000001"
TOKEN = "s3cr3t-auth-token-value"
JPEG = b"\xff\xd8\xff\xe0" + b"jpeg-bytes" * 10
MEDIA_PATH = "/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1"


@pytest.fixture
def twilio() -> Iterator[RecordingServer]:
    with running() as server:
        yield server


@pytest.fixture
def cdn() -> Iterator[RecordingServer]:
    with running() as server:
        yield server


class Sleeps:
    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def local_policy(*servers: RecordingServer, **overrides: Any) -> MediaPolicy:
    return MediaPolicy.local([s.port for s in servers], **overrides)


def downloader(policy: MediaPolicy, sleep: Sleeps | None = None) -> MediaDownloader:
    return MediaDownloader(requests.Session(), SID, TOKEN, policy, sleep=sleep or Sleeps())


def basic(sid: str, token: str) -> str:
    return "Basic " + base64.b64encode(f"{sid}:{token}".encode()).decode()


def test_credentials_go_to_the_first_host_only(
    twilio: RecordingServer, cdn: RecordingServer
) -> None:
    signed = cdn.url("/media/abc?Expires=1&Signature=xyz")
    twilio.route(MEDIA_PATH, Reply(307, {"Location": signed}))
    cdn.route("/media/abc", Reply(200, {"Content-Type": "image/jpeg"}, JPEG))

    media = downloader(local_policy(twilio, cdn)).fetch(twilio.url(MEDIA_PATH))

    assert media.data == JPEG
    assert media.content_type == "image/jpeg"
    assert media.redirects == 1
    assert twilio.hits == 1 and cdn.hits == 1
    assert twilio.requests[0].header("Authorization") == basic(SID, TOKEN)
    assert cdn.requests[0].header("Authorization") is None
    assert cdn.requests[0].path == "/media/abc?Expires=1&Signature=xyz"


def test_session_level_auth_does_not_leak_to_the_redirect_target(
    twilio: RecordingServer, cdn: RecordingServer
) -> None:
    twilio.route(MEDIA_PATH, Reply(302, {"Location": cdn.url("/m")}))
    cdn.route("/m", Reply(200, {"Content-Type": "image/png"}, b"png"))
    session = requests.Session()
    session.auth = ("someone", "else")
    session.headers["Cookie"] = "session=1"

    MediaDownloader(session, SID, TOKEN, local_policy(twilio, cdn)).fetch(twilio.url(MEDIA_PATH))

    assert twilio.requests[0].header("Authorization") == basic(SID, TOKEN)
    assert cdn.requests[0].header("Authorization") is None
    assert cdn.requests[0].header("Cookie") is None


def test_relative_redirects_are_resolved_and_followed(twilio: RecordingServer) -> None:
    twilio.route(MEDIA_PATH, Reply(301, {"Location": "/cdn/file"}))
    twilio.route("/cdn/file", Reply(200, {"Content-Type": "image/webp"}, b"webp"))

    media = downloader(local_policy(twilio)).fetch(twilio.url(MEDIA_PATH))

    assert media.data == b"webp"
    assert twilio.requests[1].header("Authorization") is None


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example.com/media.jpg",
        "https://api.twilio.com.evil.example/media.jpg",
        "https://eviltwilio.com/media.jpg",
        "https://twilio.com.example/media.jpg",
        "ftp://api.twilio.com/media.jpg",
        "http://api.twilio.com/2010-04-01/Media/ME1",
        "https://api.twilio.com:8443/2010-04-01/Media/ME1",
        "https://user:pw@api.twilio.com/2010-04-01/Media/ME1",
        "https://api.twilio.com\\@evil.example/x",
        "not a url",
    ],
)
def test_strict_policy_refuses_non_twilio_first_urls_without_resolving(url: str) -> None:
    lookups: list[str] = []

    def resolver(host: str) -> list[str]:
        lookups.append(host)
        return ["93.184.216.34"]

    policy = MediaPolicy(address_policy=AddressPolicy(resolver=resolver))
    with pytest.raises(MediaRefused):
        downloader(policy).fetch(url)
    assert lookups == []


def test_a_non_twilio_host_is_never_requested(twilio: RecordingServer) -> None:
    twilio.route(MEDIA_PATH, Reply(200, {"Content-Type": "image/jpeg"}, JPEG))
    policy = MediaPolicy(  # Twilio hosts only, but plain http to this port allowed
        schemes=frozenset({"http"}),
        ports=frozenset({twilio.port}),
        address_policy=AddressPolicy.local(),
    )

    with pytest.raises(MediaRefused, match="not an allowed media host"):
        downloader(policy).fetch(twilio.url(MEDIA_PATH))
    assert twilio.hits == 0


def test_user_info_pointing_elsewhere_is_refused(twilio: RecordingServer) -> None:
    url = f"http://127.0.0.1@127.0.0.1:{twilio.port}{MEDIA_PATH}"
    with pytest.raises(MediaRefused, match="user info"):
        downloader(local_policy(twilio)).fetch(url)
    assert twilio.hits == 0


def strict_addresses_but_first_server(first: RecordingServer, *ports: int) -> MediaPolicy:
    """Strict address policy that lets only the first server's own address through."""
    return MediaPolicy(
        first_hosts=(first.host,),
        schemes=frozenset({"http"}),
        ports=frozenset({first.port, *ports}),
        address_policy=AddressPolicy(allowed_networks=(ipaddress.ip_network(f"{first.host}/32"),)),
    )


def test_redirect_to_a_loopback_host_is_refused_under_the_strict_policy(
    twilio: RecordingServer,
) -> None:
    with running("127.0.0.2") as internal:
        internal.route("/secret", Reply(200, {"Content-Type": "image/png"}, b"internal"))
        twilio.route(MEDIA_PATH, Reply(307, {"Location": internal.url("/secret")}))
        policy = strict_addresses_but_first_server(twilio, internal.port)

        with pytest.raises(MediaRefused, match="loopback"):
            downloader(policy).fetch(twilio.url(MEDIA_PATH))
        assert twilio.hits == 1
        assert internal.hits == 0


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://10.0.0.7/media.jpg", "private"),
        ("http://192.168.1.1/media.jpg", "private"),
        ("http://[::1]/media.jpg", "loopback"),
        ("http://[::ffff:127.0.0.3]/media.jpg", "loopback"),
        ("http://0.0.0.0/media.jpg", "unspecified"),
    ],
)
def test_redirect_to_private_addresses_is_refused(
    twilio: RecordingServer, target: str, reason: str
) -> None:
    twilio.route(MEDIA_PATH, Reply(302, {"Location": target}))
    policy = strict_addresses_but_first_server(twilio, 80)

    with pytest.raises(MediaRefused, match=reason):
        downloader(policy).fetch(twilio.url(MEDIA_PATH))


def test_redirect_to_a_name_resolving_to_a_private_address_is_refused(
    twilio: RecordingServer,
) -> None:
    twilio.route(MEDIA_PATH, Reply(302, {"Location": "http://cdn.example/m.jpg"}))
    answers = {"127.0.0.1": ["127.0.0.1"], "cdn.example": ["93.184.216.34", "10.1.2.3"]}
    policy = MediaPolicy(
        first_hosts=("127.0.0.1",),
        schemes=frozenset({"http"}),
        ports=frozenset({twilio.port, 80}),
        address_policy=AddressPolicy(allow_loopback=True, resolver=answers.__getitem__),
    )
    with pytest.raises(MediaRefused, match="private"):
        downloader(policy).fetch(twilio.url(MEDIA_PATH))


def test_redirect_to_https_downgrade_is_refused_under_https_only() -> None:
    # A redirect hop has to satisfy the scheme rule too: no plain http under the strict policy.
    policy = MediaPolicy()
    with pytest.raises(MediaRefused, match="scheme 'http'"):
        downloader(policy)._check_url("http://media.twiliocdn.com/x", first=False)


def test_a_connection_that_lands_on_a_blocked_address_is_refused(
    twilio: RecordingServer,
) -> None:
    """DNS said public, the socket went to loopback (rebinding): the body is not used."""
    twilio.route(MEDIA_PATH, Reply(200, {"Content-Type": "image/jpeg"}, JPEG))
    policy = MediaPolicy(
        first_hosts=("localhost",),
        schemes=frozenset({"http"}),
        ports=frozenset({twilio.port}),
        address_policy=AddressPolicy(resolver=lambda host: ["93.184.216.34"]),
    )
    url = f"http://localhost:{twilio.port}{MEDIA_PATH}"
    with pytest.raises(MediaRefused, match="connected to a blocked address"):
        downloader(policy).fetch(url)


def test_oversize_stream_is_aborted_while_streaming(twilio: RecordingServer) -> None:
    total = 64 * 1024 * 1024
    twilio.route(MEDIA_PATH, Reply(200, {"Content-Type": "image/jpeg"}, stream_bytes=total))
    policy = local_policy(twilio, max_bytes=1024 * 1024)

    with pytest.raises(MediaTooLarge) as info:
        downloader(policy).fetch(twilio.url(MEDIA_PATH))

    assert info.value.limit == 1024 * 1024
    assert twilio.stream_aborted.wait(5), "server kept streaming: the client did not abort"
    assert twilio.bytes_sent < total // 4


def test_declared_oversize_is_refused_before_reading(twilio: RecordingServer) -> None:
    twilio.route(MEDIA_PATH, Reply(200, {"Content-Type": "image/jpeg"}, b"x" * 5000))
    with pytest.raises(MediaTooLarge):
        downloader(local_policy(twilio, max_bytes=4000)).fetch(twilio.url(MEDIA_PATH))


def test_a_body_at_the_cap_is_accepted(twilio: RecordingServer) -> None:
    twilio.route(MEDIA_PATH, Reply(200, {"Content-Type": "image/jpeg"}, b"x" * 4000))
    media = downloader(local_policy(twilio, max_bytes=4000)).fetch(twilio.url(MEDIA_PATH))
    assert len(media.data) == 4000


def test_404_then_200_is_retried_with_backoff(twilio: RecordingServer) -> None:
    twilio.route(
        MEDIA_PATH,
        Reply(404),
        Reply(404),
        Reply(200, {"Content-Type": "image/jpeg"}, JPEG),
    )
    sleeps = Sleeps()
    media = downloader(local_policy(twilio), sleeps).fetch(twilio.url(MEDIA_PATH))
    assert media.data == JPEG
    assert twilio.hits == 3
    assert sleeps.calls == [0.5, 1.0]
    assert all(r.header("Authorization") == basic(SID, TOKEN) for r in twilio.requests)


def test_404_after_all_tries_is_media_not_ready(twilio: RecordingServer) -> None:
    twilio.route(MEDIA_PATH, Reply(404))
    sleeps = Sleeps()
    with pytest.raises(MediaNotReady):
        downloader(local_policy(twilio), sleeps).fetch(twilio.url(MEDIA_PATH))
    assert twilio.hits == 3
    assert sleeps.calls == [0.5, 1.0]


def test_media_not_ready_is_a_transient_error() -> None:
    from qila.errors import TransientError

    assert issubclass(MediaNotReady, MediaTransientError)
    assert issubclass(MediaNotReady, TransientError)


@pytest.mark.parametrize("status", [500, 502, 503, 429])
def test_server_errors_are_transient_and_not_retried_here(
    twilio: RecordingServer, status: int
) -> None:
    twilio.route(MEDIA_PATH, Reply(status))
    sleeps = Sleeps()
    with pytest.raises(MediaTransientError, match=str(status)):
        downloader(local_policy(twilio), sleeps).fetch(twilio.url(MEDIA_PATH))
    assert twilio.hits == 1
    assert sleeps.calls == []


@pytest.mark.parametrize("status", [400, 401, 403, 410])
def test_client_errors_are_permanent(twilio: RecordingServer, status: int) -> None:
    twilio.route(MEDIA_PATH, Reply(status))
    with pytest.raises(MediaRefused, match=str(status)):
        downloader(local_policy(twilio)).fetch(twilio.url(MEDIA_PATH))


def test_unsupported_content_type_is_reported(twilio: RecordingServer) -> None:
    twilio.route(MEDIA_PATH, Reply(200, {"Content-Type": "video/mp4"}, b"mp4"))
    with pytest.raises(UnsupportedMediaType) as info:
        downloader(local_policy(twilio)).fetch(twilio.url(MEDIA_PATH))
    assert info.value.content_type == "video/mp4"
    assert isinstance(info.value, MediaRefused)


def test_announced_unsupported_type_is_not_downloaded(twilio: RecordingServer) -> None:
    twilio.route(MEDIA_PATH, Reply(200, {"Content-Type": "audio/ogg"}, b"ogg"))
    with pytest.raises(UnsupportedMediaType):
        downloader(local_policy(twilio)).fetch(twilio.url(MEDIA_PATH), content_type="audio/ogg")
    assert twilio.hits == 0


def test_content_type_parameters_are_ignored(twilio: RecordingServer) -> None:
    twilio.route(MEDIA_PATH, Reply(200, {"Content-Type": "IMAGE/PNG; charset=binary"}, b"p"))
    media = downloader(local_policy(twilio)).fetch(twilio.url(MEDIA_PATH), "image/png")
    assert media.content_type == "image/png"


def test_redirect_loops_stop_after_max_redirects(twilio: RecordingServer) -> None:
    twilio.route(MEDIA_PATH, Reply(302, {"Location": MEDIA_PATH}))
    with pytest.raises(MediaRefused, match="redirects"):
        downloader(local_policy(twilio, max_redirects=2)).fetch(twilio.url(MEDIA_PATH))
    assert twilio.hits == 3


def test_redirect_without_location_is_refused(twilio: RecordingServer) -> None:
    twilio.route(MEDIA_PATH, Reply(302))
    with pytest.raises(MediaRefused, match="Location"):
        downloader(local_policy(twilio)).fetch(twilio.url(MEDIA_PATH))


def test_redirect_to_a_port_outside_the_policy_is_refused(twilio: RecordingServer) -> None:
    with running() as other:
        twilio.route(MEDIA_PATH, Reply(302, {"Location": other.url("/x")}))
        with pytest.raises(MediaRefused, match="port"):
            downloader(local_policy(twilio)).fetch(twilio.url(MEDIA_PATH))
        assert other.hits == 0


def test_read_timeout_is_transient(twilio: RecordingServer) -> None:
    twilio.route(MEDIA_PATH, Reply(200, {"Content-Type": "image/jpeg"}, JPEG, delay=1.0))
    policy = local_policy(twilio, read_timeout=0.2)
    with pytest.raises(MediaTransientError, match="timed out"):
        downloader(policy).fetch(twilio.url(MEDIA_PATH))


def test_connection_refused_is_transient() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    policy = MediaPolicy.local([port])
    with pytest.raises(MediaTransientError):
        downloader(policy).fetch(f"http://127.0.0.1:{port}{MEDIA_PATH}")


def test_logs_carry_neither_the_token_nor_the_signed_query(
    twilio: RecordingServer, cdn: RecordingServer, caplog: pytest.LogCaptureFixture
) -> None:
    twilio.route(MEDIA_PATH, Reply(307, {"Location": cdn.url("/m?Signature=TOPSECRETSIG")}))
    cdn.route("/m", Reply(200, {"Content-Type": "image/jpeg"}, JPEG))
    caplog.set_level(logging.DEBUG)
    downloader(local_policy(twilio, cdn)).fetch(twilio.url(MEDIA_PATH))
    ours = [r for r in caplog.records if r.name.startswith("qila")]
    assert ours, "expected the download to be logged"
    for record in ours:
        message = record.getMessage()
        assert TOKEN not in message
        assert "TOPSECRETSIG" not in message


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("api.twilio.com", True),
        ("API.Twilio.com.", True),
        ("media.twiliocdn.com", False),
        ("mms.us1.twilio.com", True),
        ("twilio.com", False),
        ("api.twilio.com.evil.example", False),
        ("eviltwilio.com", False),
    ],
)
def test_host_allowlist_matching(host: str, expected: bool) -> None:
    assert host_matches(host, ("api.twilio.com", "*.twilio.com")) is expected


def test_supported_image_types() -> None:
    assert is_supported_image("image/jpeg")
    assert is_supported_image("image/PNG; q=1")
    assert not is_supported_image("video/mp4")
    assert not is_supported_image(None)
