//! The emulator's world: accounts, regions, instances, snapshots, existing images and quotas per
//! provider. Built in (`default_fixture.json`, where every business error row of the seeds has an
//! instance, snapshot, region or key that triggers it) or loaded with `--fixtures FILE`.

use createimage_validator::Provider;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The whole fixture.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Fixture {
    /// Seconds an image stays `Creating` before it is available.
    #[serde(default = "default_delay")]
    pub image_delay_seconds: u64,
    pub aliyun: Aliyun,
    pub tencent: Tencent,
    pub jdcloud: JdCloud,
    pub zenlayer: Zenlayer,
}

fn default_delay() -> u64 {
    5
}

impl Fixture {
    /// The fixture compiled into the binary.
    pub fn builtin() -> Self {
        serde_json::from_str(include_str!("default_fixture.json")).expect("the built-in fixture parses (tested)")
    }

    /// The provider whose part of the fixture holds `provider`'s accounts: its own, except that
    /// Tencent's two APIs share one account (and so one part).
    pub const fn account_owner(provider: Provider) -> Provider {
        provider.emulator().account_owner
    }

    /// The accounts of `provider`, the sandbox account first: the one place that maps a provider to
    /// its part of the fixture.
    pub fn accounts_of(&self, provider: Provider) -> &[Account] {
        match Self::account_owner(provider) {
            Provider::Aliyun => &self.aliyun.accounts,
            Provider::Tencent | Provider::Tencent3 => &self.tencent.accounts,
            Provider::JdCloud => &self.jdcloud.accounts,
            Provider::Zenlayer => &self.zenlayer.accounts,
        }
    }

    fn accounts_mut(&mut self, provider: Provider) -> &mut Vec<Account> {
        match Self::account_owner(provider) {
            Provider::Aliyun => &mut self.aliyun.accounts,
            Provider::Tencent | Provider::Tencent3 => &mut self.tencent.accounts,
            Provider::JdCloud => &mut self.jdcloud.accounts,
            Provider::Zenlayer => &mut self.zenlayer.accounts,
        }
    }

    /// Puts `accounts` in place of `provider`'s.
    pub fn replace_accounts(&mut self, provider: Provider, accounts: Vec<Account>) {
        *self.accounts_mut(provider) = accounts;
    }

    /// Every access key, once, with the provider whose part of the fixture holds it, for start-up
    /// output and `--credentials`.
    pub fn accounts(&self) -> impl Iterator<Item = (Provider, &Account)> {
        Provider::ALL
            .into_iter()
            .filter(|&p| Self::account_owner(p) == p)
            .flat_map(move |p| self.accounts_of(p).iter().map(move |a| (p, a)))
    }
}

/// An access key pair and what the provider thinks of its account.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Account {
    pub access_key_id: String,
    pub secret: String,
    /// Why this key exists, shown in the start-up listing and the README.
    #[serde(default)]
    pub note: String,
    /// Account flags (Alibaba): each `false` triggers its seed row.
    #[serde(default = "yes")]
    pub balance: bool,
    #[serde(default = "yes")]
    pub snapshot_service: bool,
    /// Allowed to make a system disk from a data disk snapshot (`UserNotInTheWhiteList` otherwise).
    #[serde(default = "yes")]
    pub data_disk_image_whitelist: bool,
}

fn yes() -> bool {
    true
}

/// An existing image (for quotas and duplicate names).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Image {
    pub id: String,
    pub name: String,
    /// Region (Alibaba, Tencent, JD) or zone (Zenlayer).
    pub location: String,
}

/// A disk of an Alibaba instance.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AliyunDisk {
    pub id: String,
    /// `system` or `data`.
    pub kind: String,
    /// `cloud_efficiency`, `cloud_ssd`, `cloud_essd`, `ephemeral_ssd` (local: no image).
    pub category: String,
    /// `In_use`, `Transferring`, `Invalid`, `Expired` …
    pub status: String,
    #[serde(default)]
    pub encrypted: bool,
    #[serde(default)]
    pub creating_snapshot: bool,
    #[serde(default = "default_size")]
    pub size_gib: u32,
}

fn default_size() -> u32 {
    40
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AliyunInstance {
    pub id: String,
    pub region: String,
    /// `Running`, `Stopped`, `Starting`, `Stopping` …
    pub status: String,
    #[serde(default)]
    pub locked_for_security: bool,
    /// The snapshot the system disk was created from has been deleted.
    #[serde(default)]
    pub source_snapshot_deleted: bool,
    /// The emulator answers `InternalError` for this instance.
    #[serde(default)]
    pub internal_error: bool,
    pub disks: Vec<AliyunDisk>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AliyunSnapshot {
    pub id: String,
    pub region: String,
    /// `system` or `data`.
    pub disk_kind: String,
    pub size_gib: u32,
    /// `YYYY-MM-DD`.
    pub created: String,
    /// `accomplished` or `progressing`.
    pub status: String,
    #[serde(default)]
    pub encrypted: bool,
    /// `standard`, or `flash` / `archive` (not usable: `OperationDenied.InvalidSnapshotCategory`).
    #[serde(default = "standard")]
    pub category: String,
    /// `false`: `OperationDenied` "The specified snapshot is not allowed to create image."
    #[serde(default = "yes")]
    pub image_allowed: bool,
}

fn standard() -> String {
    "standard".into()
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Quota {
    pub images: u32,
    #[serde(default = "many")]
    pub snapshots: u32,
}

fn many() -> u32 {
    1000
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Aliyun {
    pub accounts: Vec<Account>,
    /// Quota per region; a region not listed does not exist (`InvalidRegionId.NotFound`).
    pub regions: BTreeMap<String, Quota>,
    pub resource_groups: Vec<String>,
    /// ImageVersion values the emulator rejects (`InvalidImageVersion.Malformed`).
    pub rejected_image_versions: Vec<String>,
    pub instances: Vec<AliyunInstance>,
    pub snapshots: Vec<AliyunSnapshot>,
    pub images: Vec<Image>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TencentInstance {
    pub id: String,
    pub region: String,
    /// `RUNNING`, `STOPPED`, `STARTING` …
    pub status: String,
    /// API 3.0: the system disk's ID, which `DataDiskIds` must not name.
    #[serde(default)]
    pub system_disk: Option<String>,
    /// API 3.0: the data disks attached, which `DataDiskIds` may name.
    #[serde(default)]
    pub data_disks: Vec<String>,
}

/// A snapshot API 3.0 can make an image of.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TencentSnapshot {
    pub id: String,
    pub region: String,
    /// `system` or `data`: the disk it was taken of.
    pub disk: String,
    /// `NORMAL`, or `CREATING` while it is being taken.
    pub status: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Tencent {
    pub accounts: Vec<Account>,
    /// Custom images allowed per region (seed 003: 10).
    pub images_per_region: u32,
    pub regions: Vec<String>,
    pub instances: Vec<TencentInstance>,
    #[serde(default)]
    pub snapshots: Vec<TencentSnapshot>,
    pub images: Vec<Image>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JdDisk {
    pub id: String,
    /// `vda` for the system disk, `vdb`… for data disks.
    pub device: String,
    /// `local` or `cloud`.
    pub category: String,
    pub size_gb: u32,
    /// `in-use`, `error` …
    #[serde(default = "in_use")]
    pub status: String,
    /// A task the disk is busy with (`Disk 'xx' busy in 'xx'`).
    #[serde(default)]
    pub busy_in: Option<String>,
    /// `attached`, or another mount state (`Invalid system disk mount state`).
    #[serde(default = "attached")]
    pub mount_state: String,
}

fn in_use() -> String {
    "in-use".into()
}

fn attached() -> String {
    "attached".into()
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JdInstance {
    pub id: String,
    pub region: String,
    /// `running`, `stopped`, `starting`, `error` …
    pub status: String,
    /// A task in progress (`Conflict with underlay task xx`).
    #[serde(default)]
    pub task: Option<String>,
    /// `INTERNAL` or `UNKNOWN`: the emulator answers that 500.
    #[serde(default)]
    pub server_error: Option<String>,
    pub disks: Vec<JdDisk>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JdSnapshot {
    pub id: String,
    pub region: String,
    pub size_gb: u32,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JdCloud {
    pub accounts: Vec<Account>,
    pub regions: BTreeMap<String, Quota>,
    pub instances: Vec<JdInstance>,
    pub snapshots: Vec<JdSnapshot>,
    pub images: Vec<Image>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ZenlayerInstance {
    pub id: String,
    pub zone: String,
    /// `STOPPED`, `RUNNING`, `STARTING` …
    pub status: String,
    /// `AVAILABLE`, or another system disk state (`UNSUPPORTED_OPERATION_DISK_UNAVAILABLE`).
    #[serde(default = "available")]
    pub disk_status: String,
    /// The system disk is being imaged by another request.
    #[serde(default)]
    pub disk_making_image: bool,
}

fn available() -> String {
    "AVAILABLE".into()
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Zenlayer {
    pub accounts: Vec<Account>,
    /// Custom images allowed per zone (seeds 000/001: 5).
    pub images_per_zone: u32,
    /// Zones where images are not supported (seed 001: SIN-E, LAX-A).
    pub zones_without_images: Vec<String>,
    pub instances: Vec<ZenlayerInstance>,
    pub images: Vec<Image>,
}
