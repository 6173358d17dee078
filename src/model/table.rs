//! The rule tables as the forms read them: the fields a form shows and in what order, which the
//! console fills in or the signer takes, what the sandbox offers where, and the sources of which a
//! provider wants one.

use super::{Form, Slot};
use createimage_validator::meta::FieldRule;
use createimage_validator::registration::Offer;
use createimage_validator::{Provider, ValueType, meta, rules};
use std::sync::OnceLock;

/// The provider spelt `s` as in [`Provider::as_str`].
pub fn parse_provider(s: &str) -> Option<Provider> {
    Provider::ALL.into_iter().find(|p| p.as_str() == s)
}

/// The position of `provider` in [`Provider::ALL`].
pub const fn index(provider: Provider) -> usize {
    provider.index()
}

/// The rule metadata of `provider`, built once.
pub fn table(provider: Provider) -> &'static [FieldRule] {
    static TABLES: [OnceLock<Vec<FieldRule>>; Provider::ALL.len()] = [const { OnceLock::new() }; Provider::ALL.len()];
    TABLES[provider.index()].get_or_init(|| rules(provider))
}

/// The rule of `provider` whose table path is `path`.
pub fn rule(provider: Provider, path: &str) -> Option<&'static FieldRule> {
    table(provider).iter().find(|r| r.path == path)
}

/// Where the image comes from, the first thing each form asks: the region and the source (for
/// Alibaba, one of the sources of its "at least one of" rule, chosen first; see [`sources`]).
/// The name and description follow ([`crate::check::name_fields`]), then everything else.
pub const fn source_fields(provider: Provider) -> &'static [&'static str] {
    provider.console().source_fields
}

/// What the sandbox offers for field `path` of `provider` (its registration says).
pub fn offer(provider: Provider, path: &str) -> Option<Offer> {
    provider.console().offers.iter().find(|&&(f, _)| f == path).map(|&(_, o)| o)
}

/// The region field of `provider`'s form, if it has one: an instance or snapshot chosen from the
/// sandbox fills it in with its own region.
pub fn region_field(provider: Provider) -> Option<&'static str> {
    provider.console().offers.iter().find(|&&(_, o)| o == Offer::Regions).map(|&(f, _)| f)
}

/// The sources of which the provider wants at least one, as its rule table says (Alibaba: an
/// instance, disk mappings or a snapshot); empty when there is one way only.
pub fn sources(provider: Provider) -> &'static [&'static str] {
    meta::one_of_required(provider)
}

/// The fields that go with source `source` only, shown under it while it is chosen.
pub fn with_source(provider: Provider, source: &str) -> impl Iterator<Item = &'static str> + '_ {
    provider.console().with_source.iter().filter(move |&&(_, s)| s == source).map(|&(f, _)| f)
}

/// Whether field `path` goes with one source only (see [`with_source`]).
pub fn goes_with_source(provider: Provider, path: &str) -> bool {
    provider.console().with_source.iter().any(|&(f, _)| f == path)
}

/// The source the form shows: the first one with a value, else the first.
pub fn chosen_source(provider: Provider, form: &Form) -> usize {
    sources(provider).iter().position(|&s| !form.get(Slot::top(s)).is_empty() || form.items(s) > 0).unwrap_or(0)
}

/// A common parameter the form still asks for because the signer takes it from the request
/// (Tencent's `Region`).
pub fn is_signer_field(provider: Provider, path: &str) -> bool {
    provider.console().signer_fields.contains(&path)
}

/// A field the console fills in per submission when it is left empty (Alibaba's ClientToken).
pub fn is_auto_field(provider: Provider, path: &str) -> bool {
    provider.console().auto_fields.contains(&path)
}

/// Whether `provider` has a field the console fills in per submission.
pub fn has_auto_fields(provider: Provider) -> bool {
    !provider.console().auto_fields.is_empty()
}

/// Whether a field belongs in the request the form builds: every non-common parameter, and the
/// common ones the signer needs.
pub fn in_form(provider: Provider, rule: &FieldRule) -> bool {
    !rule.common || is_signer_field(provider, rule.path)
}

/// A list of plain values (Tencent 3.0's `SnapshotIds`): its items are values, not objects.
pub const fn is_list(rule: &FieldRule) -> bool {
    rule.items.is_some()
}

/// The fields directly inside container `parent` (`""`: the request; `Tag`; `dataDisks[].cloudDiskSpec`)
/// that the form shows, in table order.
pub fn children(provider: Provider, parent: &str) -> impl Iterator<Item = &'static FieldRule> + '_ {
    table(provider).iter().filter(move |r| r.parent == parent && in_form(provider, r))
}

/// The number a person reads on item `item` (0-based) of a group: from 1, whatever the ids say.
pub const fn item_number(item: usize) -> usize {
    item + 1
}

/// A field its provider deprecates in favour of another.
pub fn is_deprecated(rule: &FieldRule) -> bool {
    rule.is_deprecated()
}

/// A value the user types: not an object or an array.
pub const fn is_scalar(ty: ValueType) -> bool {
    match ty {
        ValueType::String | ValueType::Integer | ValueType::Boolean => true,
        ValueType::Object | ValueType::Array => false,
    }
}
