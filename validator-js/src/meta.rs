//! The metadata module of the npm package (feature `meta`): explain, catalog, rules, jsonSchema.

use super::{error, provider};
use createimage_validator::catalog;
use createimage_validator::meta;
use createimage_validator::schema::json_schema;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A plain JS object with the JSON shape of `value`.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| error(e.to_string()))?;
    js_sys::JSON::parse(&text)
}

/// `explain(provider, code, message?)`: the catalog rows of a code a server answered.
#[wasm_bindgen]
pub fn explain(provider_name: &str, code: &str, message: Option<String>) -> Result<JsValue, JsValue> {
    to_js(&meta::explain(provider(provider_name)?, code, message.as_deref()))
}

/// `catalog(provider)`: every row of the provider's error catalog.
#[wasm_bindgen]
pub fn catalog(provider_name: &str) -> Result<JsValue, JsValue> {
    to_js(catalog::entries(provider(provider_name)?))
}

/// `rules(provider)`: field metadata to build forms from.
#[wasm_bindgen]
pub fn rules(provider_name: &str) -> Result<JsValue, JsValue> {
    to_js(&meta::rules(provider(provider_name)?))
}

/// `jsonSchema(provider)`: the request's JSON Schema (2020-12).
#[wasm_bindgen(js_name = jsonSchema)]
pub fn schema(provider_name: &str) -> Result<JsValue, JsValue> {
    to_js(&json_schema(provider(provider_name)?))
}
