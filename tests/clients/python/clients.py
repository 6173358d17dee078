"""Drives one official provider SDK, unchanged, against a CreateImage endpoint and prints what the
SDK made of the answer as one line of JSON: {"ok": true, "imageId"?, "requestId"?} or
{"ok": false, "code", "message", "httpStatus"?}.

    python clients.py '{"client": "aliyun-tea", "endpoint": "127.0.0.1:8080", "keyId": "…",
                        "secret": "…", "request": {…provider's own parameter names…}}'

The SDKs are pointed at the endpoint only through their own configuration (endpoint, protocol,
scheme); nothing of theirs is patched. The request names are each provider's (Alibaba `ImageName`,
Tencent `imageName` (API 3.0 `ImageName`), JD `name`, Zenlayer `imageName`); `region` is Tencent's `Region` parameter.
"""

import contextlib
import json
import sys


def aliyun_tea(job):
    """alibabacloud-ecs20140526: the current generation (ACS3-HMAC-SHA256, x-acs-* headers)."""
    from alibabacloud_ecs20140526 import models
    from alibabacloud_ecs20140526.client import Client
    from alibabacloud_tea_openapi import models as open_api

    config = open_api.Config(
        access_key_id=job["keyId"],
        access_key_secret=job["secret"],
        endpoint=job["endpoint"],
        protocol="http",
        region_id=job["request"].get("RegionId", "cn-hangzhou"),
    )
    r = job["request"]
    request = models.CreateImageRequest(
        region_id=r.get("RegionId"),
        instance_id=r.get("InstanceId"),
        snapshot_id=r.get("SnapshotId"),
        image_name=r.get("ImageName"),
        description=r.get("Description"),
        tag=[models.CreateImageRequestTag(key=t["Key"], value=t.get("Value")) for t in r.get("Tag", [])] or None,
    )
    try:
        body = Client(config).create_image(request).body
        return {"ok": True, "imageId": body.image_id, "requestId": body.request_id}
    except Exception as e:  # the SDK's ClientException / ServerException family
        data = getattr(e, "data", None) or {}
        return {
            "ok": False,
            "code": getattr(e, "code", None),
            "message": getattr(e, "message", str(e)),
            "httpStatus": getattr(e, "status_code", None) or data.get("statusCode"),
        }


def aliyun_legacy(job):
    """aliyun-python-sdk-ecs on aliyun-python-sdk-core: the RPC signature (HMAC-SHA1)."""
    from aliyunsdkcore.acs_exception.exceptions import ClientException, ServerException
    from aliyunsdkcore.client import AcsClient
    from aliyunsdkecs.request.v20140526.CreateImageRequest import CreateImageRequest

    r = job["request"]
    client = AcsClient(job["keyId"], job["secret"], r.get("RegionId", "cn-hangzhou"))
    request = CreateImageRequest()
    request.set_endpoint(job["endpoint"])
    request.set_protocol_type("http")
    for name in ("InstanceId", "SnapshotId", "ImageName", "Description"):
        if name in r:
            getattr(request, "set_" + name)(r[name])
    if r.get("Tag"):
        request.set_Tags([{"Key": t["Key"], "Value": t.get("Value")} for t in r["Tag"]])
    try:
        answer = json.loads(client.do_action_with_exception(request))
        return {"ok": True, "imageId": answer.get("ImageId"), "requestId": answer.get("RequestId")}
    except ServerException as e:
        return {"ok": False, "code": e.get_error_code(), "message": e.get_error_msg(), "httpStatus": e.get_http_status()}
    except ClientException as e:
        return {"ok": False, "code": e.get_error_code(), "message": e.get_error_msg()}


def tencent_legacy(job):
    """qcloudapi-sdk-python: the legacy API v2 (HmacSHA256). Its named modules (`image`, `cvm`)
    hard-code their hosts; a module name it does not know takes the host from `endpoint`, which is
    the SDK's own way to reach another host. It speaks HTTPS only, so the endpoint is a TLS one; the
    certificate is trusted through SSL_CERT_FILE."""
    from QcloudApi.qcloudapi import QcloudApi

    config = {
        "Region": job["region"],
        "secretId": job["keyId"],
        "secretKey": job["secret"],
        "method": "GET",
        "SignatureMethod": "HmacSHA256",
        "endpoint": job["endpoint"],
    }
    answer = json.loads(QcloudApi("createimage-serve", config).call("CreateImage", dict(job["request"])))
    if answer.get("code") == 0:
        return {"ok": True, "requestId": answer.get("requestId")}
    return {"ok": False, "code": str(answer.get("code")), "message": answer.get("message")}


def tencent3(job):
    """tencentcloud-sdk-python-cvm on tencentcloud-sdk-python-common: API 3.0 (TC3-HMAC-SHA256, a
    JSON body), pointed at the endpoint through its own HttpProfile."""
    from tencentcloud.common import credential
    from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException
    from tencentcloud.common.profile.client_profile import ClientProfile
    from tencentcloud.common.profile.http_profile import HttpProfile
    from tencentcloud.cvm.v20170312 import cvm_client, models

    profile = ClientProfile(httpProfile=HttpProfile(protocol="http", endpoint=job["endpoint"]))
    client = cvm_client.CvmClient(credential.Credential(job["keyId"], job["secret"]), job["region"], profile)
    request = models.CreateImageRequest()
    request.from_json_string(json.dumps(job["request"]))
    try:
        response = client.CreateImage(request)
        return {"ok": True, "imageId": response.ImageId, "requestId": response.RequestId}
    except TencentCloudSDKException as e:
        return {"ok": False, "code": e.get_code(), "message": e.get_message(), "requestId": e.get_request_id()}


def jdcloud(job):
    """jdcloud-sdk: the official Python SDK (JDCLOUD3-HMAC-SHA256 over content-type;host)."""
    from jdcloud_sdk.core.config import Config
    from jdcloud_sdk.core.credential import Credential
    from jdcloud_sdk.services.vm.apis.CreateImageRequest import CreateImageParameters, CreateImageRequest
    from jdcloud_sdk.services.vm.client.VmClient import VmClient

    r = job["request"]
    client = VmClient(Credential(job["keyId"], job["secret"]), Config(job["endpoint"], scheme="http"))
    parameters = CreateImageParameters(r["regionId"], r["instanceId"], r["name"])
    if "description" in r:
        parameters.setDescription(r["description"])
    response = client.send(CreateImageRequest(parameters))
    if response.error is not None:
        e = response.error
        return {"ok": False, "code": e.status, "message": e.message, "httpStatus": e.code}
    return {"ok": True, "imageId": response.result["imageId"], "requestId": response.request_id}


def zenlayer(job):
    """zenlayercloud-sdk-python: ZC2-HMAC-SHA256."""
    from zenlayercloud.common.config import Config
    from zenlayercloud.common.credential import Credential
    from zenlayercloud.common.excpetion.zenlayer_cloud_sdk_exception import ZenlayerCloudSdkException
    from zenlayercloud.vm.v20230313 import models, vm_client

    config = Config()
    config.scheme = "http"
    config.domain = job["endpoint"]
    client = vm_client.VmClient(Credential(job["keyId"], job["secret"]), config)
    request = models.CreateImageRequest()
    for name, value in job["request"].items():
        setattr(request, name, value)
    try:
        answer = client.CreateImage(request)
        return {"ok": True, "imageId": answer.imageId, "requestId": answer.requestId}
    except ZenlayerCloudSdkException as e:
        return {"ok": False, "code": e.get_code(), "message": e.get_message()}


CLIENTS = {
    "aliyun-tea": aliyun_tea,
    "aliyun-legacy": aliyun_legacy,
    "tencent-legacy": tencent_legacy,
    "tencent3": tencent3,
    "jdcloud": jdcloud,
    "zenlayer": zenlayer,
}

if __name__ == "__main__":
    job = json.loads(sys.argv[1])
    # Some SDKs print their own debugging to standard output: keep it apart from the one line of JSON.
    with contextlib.redirect_stdout(sys.stderr):
        outcome = CLIENTS[job["client"]](job)
    print(json.dumps(outcome, default=str))
