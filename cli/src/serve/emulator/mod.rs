//! The emulator's CreateImage: the shared validator first (so its verdicts are the client's), then
//! the provider's business rules against the fixture and the state, then the new image. Transport,
//! signatures and envelopes are the HTTP layer's; this module sees a decoded request.

mod aliyun;
mod jdcloud;
mod tencent;
mod tencent3;
mod zenlayer;

use super::fixture::{Account, Fixture, Image};
use super::state::{CreatedImage, State};
use createimage_validator::catalog::{self, KnownCode};
use createimage_validator::{Options, Provider, Severity, validate_value};
use serde_json::Value;
use std::path::PathBuf;
use std::sync::Mutex;

/// A refusal, as the provider would answer it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub code: KnownCode,
    pub http_status: u16,
    pub message: String,
}

impl Failure {
    /// A failure with `code`'s catalog row (picked by `row`, a part of its message) for its status.
    pub fn new(code: KnownCode, row: Option<&str>, message: impl Into<String>) -> Self {
        let http_status = catalog::entry_for(code, row).map_or(400, |e| e.http_status);
        Failure { code, http_status, message: message.into() }
    }

    /// A failure whose message is the catalog row's own text (the row that contains `row`).
    pub fn row(code: KnownCode, row: Option<&str>) -> Self {
        let message = catalog::entry_for(code, row).map_or("", |e| e.message);
        Failure::new(code, row, message)
    }
}

/// What a successful CreateImage returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created {
    pub image_id: String,
}

/// What the business rules decided: where the image goes and what it is made from.
#[derive(Debug)]
pub(crate) struct Plan {
    pub name: String,
    pub location: String,
    pub source: String,
}

/// The emulator: a fixture, and the state behind one lock so that a check and the write it
/// allows are one step (200 concurrent creates against a quota of 5 make exactly 5 images).
#[derive(Debug)]
pub struct Emulator {
    pub fixture: Fixture,
    state: Mutex<State>,
    state_file: Option<PathBuf>,
}

impl Emulator {
    pub fn new(fixture: Fixture, state: State, state_file: Option<PathBuf>) -> Self {
        Emulator { fixture, state: Mutex::new(state), state_file }
    }

    /// The account that owns `access_key_id` at `provider`.
    pub fn account(&self, provider: Provider, access_key_id: &str) -> Option<&Account> {
        self.fixture.accounts_of(provider).iter().find(|a| a.access_key_id == access_key_id)
    }

    /// Runs `f` on the state under the lock.
    pub fn with_state<T>(&self, f: impl FnOnce(&mut State) -> T) -> T {
        let mut guard = self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut guard)
    }

    /// Forgets every created image and token (the fixture stays).
    pub fn reset(&self) -> std::io::Result<()> {
        self.with_state(|s| {
            s.reset();
            self.persist(s)
        })
    }

    fn persist(&self, state: &State) -> std::io::Result<()> {
        match &self.state_file {
            Some(path) => state.save(path),
            None => Ok(()),
        }
    }

    /// CreateImage for `account` at `now_ms`. `request` is in the provider's own naming (the
    /// validator's), with Tencent's `Region` common parameter included.
    pub fn create(
        &self,
        provider: Provider,
        account: &Account,
        request: &Value,
        now_ms: u64,
        request_id: &str,
    ) -> Result<Created, Failure> {
        validation_failure(provider, request)?;
        let delay_ms = self.fixture.image_delay_seconds.saturating_mul(1000);
        self.with_state(|state| {
            let plan = match self.decide(provider, state, account, request, now_ms)? {
                aliyun::Decision::Create(plan) => plan,
                aliyun::Decision::Repeat(image_id) => return Ok(Created { image_id }),
            };
            let image_id = state.new_image_id(provider);
            state.images.push(CreatedImage {
                provider,
                id: image_id.clone(),
                name: plan.name,
                location: plan.location,
                source: plan.source,
                request_id: request_id.to_owned(),
                created_ms: now_ms,
                available_ms: now_ms.saturating_add(delay_ms),
            });
            // Idempotency tokens: Alibaba's ClientToken.
            match provider {
                Provider::Aliyun => aliyun::remember_token(state, account, request, &image_id),
                Provider::Tencent | Provider::Tencent3 | Provider::JdCloud | Provider::Zenlayer => {}
            }
            // The image exists once the state says so; a failed write is logged, not undone.
            if let Err(e) = self.persist(state) {
                tracing::error!(error = %e, "could not write the state file");
            }
            Ok(Created { image_id })
        })
    }
}

impl Emulator {
    /// The provider's business rules on `request`, against the fixture and `state`.
    fn decide(
        &self,
        provider: Provider,
        state: &State,
        account: &Account,
        request: &Value,
        now_ms: u64,
    ) -> Result<aliyun::Decision, Failure> {
        let fx = &self.fixture;
        Ok(aliyun::Decision::Create(match provider {
            Provider::Aliyun => return aliyun::plan(&fx.aliyun, state, account, request),
            Provider::Tencent => tencent::plan(&fx.tencent, state, request)?,
            Provider::Tencent3 => tencent3::plan(&fx.tencent, state, request)?,
            Provider::JdCloud => jdcloud::plan(&fx.jdcloud, state, request)?,
            Provider::Zenlayer => zenlayer::plan(&fx.zenlayer, state, request, now_ms)?,
        }))
    }

    /// The code CreateImage would refuse `request` with now, for the provider's first (sandbox)
    /// account, without making anything; `None` when it would make an image. Only the business
    /// rules run: the request names a source, not a whole valid request.
    pub fn refusal(&self, provider: Provider, request: &Value, now_ms: u64) -> Option<String> {
        let account = self.fixture.accounts_of(provider).first()?;
        let decided = self.with_state(|state| self.decide(provider, state, account, request, now_ms).err());
        decided.map(|f| f.code.as_str().to_owned())
    }

    /// The fixture as the console offers it in Sandbox mode: per provider its regions, and its
    /// instances and snapshots with their region (Zenlayer: zone), status and `refusal` (the code
    /// CreateImage would answer now; null when it would make an image).
    pub fn world(&self, now_ms: u64) -> Value {
        let fx = &self.fixture;
        let item = |p: Provider, id: &str, region: &str, status: Option<&str>, request: Option<Value>| {
            let refusal = request.and_then(|r| self.refusal(p, &r, now_ms));
            serde_json::json!({"id": id, "region": region, "status": status, "refusal": refusal})
        };
        let world = |p: Provider| match p {
            Provider::Aliyun => serde_json::json!({
                "regions": fx.aliyun.regions.keys().collect::<Vec<_>>(),
                "instances": fx.aliyun.instances.iter().map(|i| item(p, &i.id, &i.region, Some(&i.status),
                    Some(serde_json::json!({"RegionId": i.region, "InstanceId": i.id})))).collect::<Vec<_>>(),
                "snapshots": fx.aliyun.snapshots.iter().map(|s| item(p, &s.id, &s.region, Some(&s.status),
                    Some(serde_json::json!({"RegionId": s.region, "SnapshotId": s.id})))).collect::<Vec<_>>(),
            }),
            Provider::Tencent => serde_json::json!({
                "regions": fx.tencent.regions,
                "instances": fx.tencent.instances.iter().map(|i| item(p, &i.id, &i.region, Some(&i.status),
                    Some(serde_json::json!({"Region": i.region, "instanceId": i.id})))).collect::<Vec<_>>(),
                "snapshots": [],
            }),
            // The same instances as the legacy API's, and the snapshots only 3.0 can make images of.
            Provider::Tencent3 => serde_json::json!({
                "regions": fx.tencent.regions,
                "instances": fx.tencent.instances.iter().map(|i| item(p, &i.id, &i.region, Some(&i.status),
                    Some(serde_json::json!({"Region": i.region, "InstanceId": i.id})))).collect::<Vec<_>>(),
                "snapshots": fx.tencent.snapshots.iter().map(|s| item(p, &s.id, &s.region, Some(&s.status),
                    Some(serde_json::json!({"Region": s.region, "SnapshotIds": [s.id]})))).collect::<Vec<_>>(),
            }),
            Provider::JdCloud => serde_json::json!({
                "regions": fx.jdcloud.regions.keys().collect::<Vec<_>>(),
                "instances": fx.jdcloud.instances.iter().map(|i| item(p, &i.id, &i.region, Some(&i.status),
                    Some(serde_json::json!({"regionId": i.region, "instanceId": i.id})))).collect::<Vec<_>>(),
                // A data disk's snapshot: what it does depends on the disk it goes into.
                "snapshots": fx.jdcloud.snapshots.iter().map(|s| item(p, &s.id, &s.region, None, None)).collect::<Vec<_>>(),
            }),
            Provider::Zenlayer => serde_json::json!({
                "regions": [],
                "instances": fx.zenlayer.instances.iter().map(|i| item(p, &i.id, &i.zone, Some(&i.status),
                    Some(serde_json::json!({"instanceId": i.id})))).collect::<Vec<_>>(),
                "snapshots": [],
            }),
        };
        Value::Object(Provider::ALL.into_iter().map(|p| (p.as_str().to_owned(), world(p))).collect())
    }
}

/// The first error the shared validator finds, as the provider answers it.
fn validation_failure(provider: Provider, request: &Value) -> Result<(), Failure> {
    let report = match validate_value(provider, request, Options::default()) {
        Ok(r) => r,
        Err(e) => return Err(Failure::new(generic(provider), None, e.to_string())),
    };
    let Some(issue) = report.issues.iter().find(|i| i.severity == Severity::Error) else {
        return Ok(());
    };
    // The provider's own row text where the finding maps to one row for certain: a row picked by
    // the rule, or the only row of a specific code. A generic code's row would mislead; ours names the field.
    let rows = catalog::lookup(provider, issue.code.as_str(), None);
    let specific = issue.code != generic(provider) && rows.len() == 1;
    let row = catalog::entry_for(issue.code, issue.row_hint).filter(|_| issue.row_hint.is_some() || specific);
    let message = match row {
        Some(row) if !row.message.is_empty() && !["%s", "?s", "xx"].iter().any(|p| row.message.contains(p)) => {
            row.message.to_owned()
        }
        _ => format!("{}: {}", issue.field, issue.message),
    };
    Err(Failure { code: issue.code, http_status: issue.http_status, message })
}

fn generic(provider: Provider) -> KnownCode {
    provider.spec().generic
}

/// Images at `location` for `provider`: the fixture's and the ones the emulator made.
pub(crate) fn images_at<'a>(
    fixture: &'a [Image],
    state: &'a State,
    provider: Provider,
    location: &'a str,
) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
    let made = state.images.iter().filter(move |i| i.provider == provider && i.location == location);
    fixture
        .iter()
        .filter(move |i| i.location == location)
        .map(|i| (i.id.as_str(), i.name.as_str()))
        .chain(made.map(|i| (i.id.as_str(), i.name.as_str())))
}

pub(crate) fn str_at<'a>(request: &'a Value, key: &str) -> Option<&'a str> {
    request.get(key).and_then(Value::as_str).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests;
