#!/usr/bin/env python3
"""Writes a Lua table of SigV4-signed ListRecords requests, one per dataset of seed.sh, for
lua/list-only.lua: the load generator cannot sign, so the requests are signed here, now, and
replayed within the 15 minutes of clock skew the service allows.

    benchmarks/sign-requests.py DATASETS PER_IDENTITY HOST ACCESS_KEY_ID SECRET > signed.lua
"""
import datetime
import hashlib
import hmac
import sys

POOL = "us-east-1%3A11111111-2222-3333-4444-555555555555"
REGION, SERVICE = "us-east-1", "cognito-sync"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def key(secret: str, day: str) -> bytes:
    k = ("AWS4" + secret).encode()
    for part in (day, REGION, SERVICE, "aws4_request"):
        k = hmac.new(k, part.encode(), hashlib.sha256).digest()
    return k


def main() -> None:
    datasets, per_identity = int(sys.argv[1]), int(sys.argv[2])
    host, key_id, secret = sys.argv[3], sys.argv[4], sys.argv[5]
    now = datetime.datetime.now(datetime.timezone.utc)
    amz_date, day = now.strftime("%Y%m%dT%H%M%SZ"), now.strftime("%Y%m%d")
    signing_key = key(secret, day)
    scope = f"{day}/{REGION}/{SERVICE}/aws4_request"
    print(f'host = "{host}"\namz_date = "{amz_date}"\nsigned = {{')
    for g in range(datasets):
        path = (
            f"/identitypools/{POOL}/identities/us-east-1%3A00000000-0000-0000-0000-"
            f"{g // per_identity:012d}/datasets/ds{g % per_identity}/records"
        )
        # the AWS SDKs sign the already percent-encoded path encoded once more (all but S3)
        canonical_uri = path.replace("%", "%25")
        canonical = "\n".join(
            [
                "GET",
                canonical_uri,
                "lastSyncCount=0",
                f"host:{host}",
                f"x-amz-date:{amz_date}",
                "",
                "host;x-amz-date",
                sha256(b""),
            ]
        )
        to_sign = "\n".join(
            ["AWS4-HMAC-SHA256", amz_date, scope, sha256(canonical.encode())]
        )
        signature = hmac.new(signing_key, to_sign.encode(), hashlib.sha256).hexdigest()
        authorization = (
            f"AWS4-HMAC-SHA256 Credential={key_id}/{scope}, "
            f"SignedHeaders=host;x-amz-date, Signature={signature}"
        )
        print(f'  {{"{path}?lastSyncCount=0", "{authorization}"}},')
    print("}")


if __name__ == "__main__":
    main()
