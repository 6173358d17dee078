//! Alibaba RPC parameters signed again with another nonce, as a form body: a nonce the signer
//! would refuse (longer than any SDK sends) on an otherwise correct request. Shared by the
//! hostile-traffic tests and `examples/hostile.rs`.

use createimage_validator::wire::{Secret, algorithms::aliyun_rpc, percent};

/// The GET `query` of a signed Alibaba request, with `SignatureNonce` set to `nonce` and signed
/// again for POST with `secret`: a form body.
pub fn aliyun_form_with_nonce(query: &str, nonce: &str, secret: &str) -> String {
    let mut params: Vec<(String, String)> = percent::parse_form(query)
        .expect("a signed query")
        .into_iter()
        .filter(|(k, _)| k != "Signature")
        .map(|(k, v)| if k == "SignatureNonce" { (k, nonce.to_owned()) } else { (k, v) })
        .collect();
    let signature = aliyun_rpc::sign("POST", &params, &Secret::new(secret)).signature;
    params.push(("Signature".to_owned(), signature));
    percent::form(&params)
}
