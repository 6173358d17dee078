//! The console's root component: a header and the providers the validator knows.
//!
//! The provider list is built from [`Provider::ALL`], so a provider added to the validator
//! shows up here without touching this file.

use createimage_validator::Provider;
use leptos::prelude::*;

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let providers = Provider::ALL.into_iter().map(|provider| view! { <ProviderItem provider /> }).collect_view();
    view! {
        <header class="site-header">
            <h1>"createimage"</h1>
            <p class="tagline">"Check a cloud CreateImage request before you send it."</p>
        </header>
        <main>
            <section aria-labelledby="providers-heading">
                <h2 id="providers-heading">"Providers"</h2>
                <ul class="providers">
                    {providers}
                </ul>
                <p class="notice">
                    "The request forms are coming. For now this page only lists the providers "
                    "the validator knows."
                </p>
            </section>
        </main>
    }
}

/// One provider: its product name and the identifier used on the command line and in JSON.
#[component]
fn ProviderItem(provider: Provider) -> impl IntoView {
    view! {
        <li class="provider" data-provider=provider.as_str()>
            <span class="provider-name">{provider.display_name()}</span>
            <code class="provider-id">{provider.as_str()}</code>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use leptos::wasm_bindgen::JsCast;
    use leptos::web_sys::HtmlElement;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn lists_every_provider_with_its_id() {
        let doc = document();
        let host: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
        doc.body().unwrap().append_child(&host).unwrap();
        let _mounted = leptos::mount::mount_to(host.clone(), App);

        let html = host.inner_html();
        assert_eq!(html.matches("class=\"provider\"").count(), Provider::ALL.len());
        for p in Provider::ALL {
            assert!(html.contains(p.display_name()), "{} missing", p.display_name());
            assert!(html.contains(&format!("data-provider=\"{}\"", p.as_str())), "{p} missing");
        }
    }
}
