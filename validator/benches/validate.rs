//! Validation throughput: a typical and a maximal request per provider, from parsed JSON (what the
//! console and the emulator hold) and from bytes (what the CLI reads); and, when the rule tests
//! have exported their cases (`scripts/test.sh js` writes them to target/js-cases), those cases from
//! bytes to report text, the work the npm package's `validateJson` does, to compare with
//! tests/js/bench.mjs. Figures, not assertions.

use createimage_validator::{Options, Provider, validate_json, validate_value};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use serde_json::{Value, json};
use std::hint::black_box;

fn typical(p: Provider) -> Value {
    match p {
        Provider::Aliyun => {
            json!({"RegionId": "cn-hangzhou", "InstanceId": "i-bp1g6zv0ce8oghu7", "ImageName": "web-2026-11", "Description": "nightly build"})
        }
        Provider::Tencent => {
            json!({"instanceId": "ins-12345678", "imageName": "web-2026-11", "imageDescription": "nightly"})
        }
        Provider::Tencent3 => {
            json!({"InstanceId": "ins-12345678", "ImageName": "web-2026-11", "ImageDescription": "nightly"})
        }
        Provider::JdCloud => {
            json!({"regionId": "cn-north-1", "instanceId": "i-eumm1234d6", "name": "web-2026-11", "description": "nightly"})
        }
        Provider::Zenlayer => {
            json!({"instanceId": "1234567654321", "imageName": "web-2026-11", "imageDescription": "nightly"})
        }
    }
}

/// Every parameter at its limit, every repeatable group full.
fn maximal(p: Provider) -> Value {
    match p {
        Provider::Aliyun => {
            let disks: Vec<Value> = ('a'..='z')
                .map(|c| json!({"Device": format!("/dev/xvd{c}"), "DiskType": if c == 'a' {"system"} else {"data"}, "Size": 2000, "SnapshotId": "s-snapshotid1"}))
                .collect();
            let tags: Vec<Value> =
                (0..20).map(|i| json!({"Key": format!("{i}{}", "k".repeat(62)), "Value": "v".repeat(128)})).collect();
            json!({"RegionId": "cn-hangzhou", "ImageName": format!("A{}", "中".repeat(127)), "Description": "d".repeat(256),
                   "ClientToken": "t".repeat(64), "Architecture": "x86_64", "Platform": "Customized Linux", "ResourceGroupId": "rg-1",
                   "DiskDeviceMapping": disks, "Tag": tags})
        }
        Provider::Tencent => {
            json!({"instanceId": "ins-12345678", "imageName": "a".repeat(16), "imageDescription": "中".repeat(64)})
        }
        Provider::Tencent3 => {
            let tags: Vec<Value> =
                (0..50).map(|i| json!({"Key": format!("{i}{}", "k".repeat(125)), "Value": "v".repeat(255)})).collect();
            json!({"InstanceId": "ins-12345678", "ImageName": "名".repeat(60), "ImageDescription": "d".repeat(256),
                   "ForcePoweroff": "true", "Sysprep": "false", "DataDiskIds": ["disk-1", "disk-2", "disk-3"], "DryRun": false,
                   "TagSpecification": [{"ResourceType": "image", "Tags": tags}], "ImageFamily": "business-daily-update"})
        }
        Provider::JdCloud => {
            let disks: Vec<Value> = (0..26)
                .map(|i| json!({"deviceName": format!("vd{}", (b'b' + (i % 25) as u8) as char).repeat(1) + if i >= 25 {"b"} else {""}, "autoDelete": false,
                    "diskCategory": "cloud", "cloudDiskSpec": {"diskType": "ssd.io1", "diskSizeGB": 16000, "iops": 5000, "snapshotId": "snapshot-1",
                    "charge": {"chargeMode": "prepaid_by_duration", "chargeUnit": "year", "chargeDuration": 3, "autoRenew": true,
                        "buyScenario": "eyJhY3Rpdml0eSI6eyJhY3Rpdml0eVR5cGUiOjEsImFjdGl2aXR5SWRlbnRpZmllciI6ImEtMSJ9fQ=="}}}))
                .collect();
            json!({"regionId": "cn-north-1", "instanceId": "i-eumm1234d6", "name": "名".repeat(32), "description": "d".repeat(256), "dataDisks": disks})
        }
        Provider::Zenlayer => {
            json!({"instanceId": "1234567654321", "imageName": "中".repeat(24), "imageDescription": "d".repeat(255)})
        }
    }
}

fn bench(c: &mut Criterion) {
    let o = Options::default();
    for (shape, make) in [("typical", typical as fn(Provider) -> Value), ("maximal", maximal)] {
        let mut g = c.benchmark_group(format!("validate/{shape}"));
        g.throughput(Throughput::Elements(1));
        for p in Provider::ALL {
            let req = make(p);
            let report = validate_value(p, &req, o).unwrap();
            assert!(report.valid, "{p} {shape} bench request must be valid: {:?}", report.issues);
            g.bench_with_input(BenchmarkId::from_parameter(p), &req, |b, req| {
                b.iter(|| validate_value(p, black_box(req), o))
            });
        }
        g.finish();
    }
    let mut g = c.benchmark_group("validate_json/typical");
    g.throughput(Throughput::Elements(1));
    for p in Provider::ALL {
        let bytes = serde_json::to_vec(&typical(p)).unwrap();
        g.bench_with_input(BenchmarkId::from_parameter(p), &bytes, |b, bytes| {
            b.iter(|| validate_json(p, black_box(bytes), o))
        });
    }
    g.finish();
    cases(c, o);
}

/// Every exported rule-test case (all four providers, valid and invalid), JSON text to report text.
fn cases(c: &mut Criterion, o: Options) {
    let dir = std::env::var("CREATEIMAGE_CASES")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../target/js-cases").to_owned());
    let Ok(files) = std::fs::read_dir(&dir) else {
        eprintln!("no exported cases in {dir}: run scripts/test.sh js to bench them");
        return;
    };
    let mut requests = Vec::new();
    for file in files.flatten() {
        let export: Value = serde_json::from_slice(&std::fs::read(file.path()).unwrap()).unwrap();
        let p: Provider = export["provider"].as_str().unwrap().parse().unwrap();
        for case in export["cases"].as_array().unwrap() {
            requests.push((p, serde_json::to_vec(&case["request"]).unwrap()));
        }
    }
    let mut g = c.benchmark_group("validate_json/cases");
    g.throughput(Throughput::Elements(requests.len() as u64));
    g.bench_function(format!("{} cases to report text", requests.len()), |b| {
        b.iter(|| {
            requests.iter().map(|(p, r)| validate_json(*p, black_box(r), o).unwrap().to_json().len()).sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
