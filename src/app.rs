//! The console's root: the store, the header with the language toggle, the provider picker and
//! the chosen provider's page, then the portability check and the history.

use crate::components::history::HistoryPanel;
use crate::components::lang_toggle::LangToggle;
use crate::components::portability::Portability;
use crate::components::provider_picker::ProviderPicker;
use crate::i18n::Phrase;
use crate::pages::console::ProviderPage;
use crate::store::{Store, text};
use leptos::prelude::*;

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let store = Store::new();
    provide_context(store);
    store.persist();
    store.watch_pointer();
    let page = move || {
        let space = store.current();
        view! { <ProviderPage space /> }.into_any()
    };
    view! {
        <header class="site-header">
            <div class="header-row">
                <h1>{text(Phrase::AppTitle)}</h1>
                <LangToggle />
            </div>
            <p class="tagline">{text(Phrase::Tagline)}</p>
        </header>
        <main>
            <ProviderPicker />
            {page}
            <div class="tools">
                <Portability />
                <HistoryPanel />
            </div>
        </main>
        <footer class="site-footer">
            <p>{text(Phrase::Footer)}</p>
        </footer>
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
    fn renders_a_tab_per_provider_and_the_form() {
        let doc = document();
        let host: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
        doc.body().unwrap().append_child(&host).unwrap();
        let _mounted = leptos::mount::mount_to(host.clone(), App);

        let html = host.inner_html();
        let tabs = crate::components::provider_picker::tabs();
        assert_eq!(html.matches("role=\"tab\"").count(), tabs.len());
        for p in tabs {
            let name = crate::components::provider_picker::tab_name(p);
            assert!(html.contains(name), "{name} missing");
            assert!(html.contains(&format!("data-provider=\"{}\"", p.as_str())), "{p} missing");
        }
        assert!(html.contains("id=\"lang-toggle\""));
        assert!(html.contains("id=\"portability\""));
        assert!(html.contains("id=\"history\""));
        assert!(html.contains("id=\"result\""));
    }

    /// Lets effects and the renderer run.
    async fn settle() {
        crate::browser::sleep(20).await;
    }

    fn type_into(host: &HtmlElement, id: &str, text: &str) {
        let input: leptos::web_sys::HtmlInputElement =
            host.query_selector(&format!("#{id}")).unwrap().expect(id).unchecked_into();
        input.set_value(text);
        input.dispatch_event(&leptos::web_sys::Event::new("input").unwrap()).unwrap();
    }

    /// A console with nothing stored, mounted in an element of its own, on Zenlayer's tab; it
    /// stays mounted while the second value lives.
    async fn console_on_zenlayer() -> (HtmlElement, impl Sized) {
        leptos::prelude::window().local_storage().unwrap().unwrap().clear().unwrap();
        let doc = document();
        let host: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
        doc.body().unwrap().append_child(&host).unwrap();
        let mounted = leptos::mount::mount_to(host.clone(), App);
        host.query_selector("#tab-zenlayer").unwrap().unwrap().unchecked_into::<HtmlElement>().click();
        settle().await;
        (host, mounted)
    }

    #[wasm_bindgen_test]
    async fn a_keystroke_shows_the_message_and_the_next_clears_it() {
        let (host, _mounted) = console_on_zenlayer().await;
        let doc = document();
        let find = |sel: &str| host.query_selector(sel).unwrap();
        assert_eq!(find("#tab-zenlayer").unwrap().get_attribute("aria-selected").as_deref(), Some("true"));

        type_into(&host, "f-zenlayer-imageName", &"x".repeat(25));
        settle().await;
        let input = find("#f-zenlayer-imageName").unwrap();
        assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
        let described = input.get_attribute("aria-describedby").unwrap();
        assert!(described.contains("f-zenlayer-imageName-error"), "{described}");
        assert_eq!(find("#f-zenlayer-imageName-count").unwrap().text_content().unwrap(), "25 / 24");
        let error = find("#f-zenlayer-imageName-error").expect("the error shows on the keystroke");
        assert!(error.text_content().unwrap().contains("24"));
        // Untouched fields stay quiet until a submit attempt.
        assert!(find("#f-zenlayer-instanceId-error").is_none());

        type_into(&host, "f-zenlayer-imageName", &"x".repeat(24));
        settle().await;
        assert!(find("#f-zenlayer-imageName-error").is_none(), "the next keystroke clears it");
        assert_eq!(find("#f-zenlayer-imageName").unwrap().get_attribute("aria-invalid"), None);

        // A submit attempt with errors: the summary links to each, every message shows, the title says so.
        find("#request-zenlayer")
            .unwrap()
            .unchecked_into::<leptos::web_sys::HtmlFormElement>()
            .request_submit()
            .unwrap();
        settle().await;
        let summary = find("#error-summary").expect("the summary");
        assert!(summary.inner_html().contains("href=\"#f-zenlayer-instanceId\""));
        assert!(find("#f-zenlayer-instanceId-error").is_some());
        assert!(doc.title().starts_with("Error: "));
        assert_eq!(doc.active_element().map(|e| e.id()).as_deref(), Some("error-summary"));
    }

    #[wasm_bindgen_test]
    async fn the_preview_signs_only_while_open_and_again_on_each_change() {
        let (host, _mounted) = console_on_zenlayer().await;
        let find = |sel: &str| host.query_selector(sel).unwrap();
        type_into(&host, "f-zenlayer-imageName", "first-name");
        settle().await;
        assert!(find("#preview-request").is_none(), "closed: nothing signed");

        let details: leptos::web_sys::HtmlDetailsElement = find("#preview").unwrap().unchecked_into();
        details.set_open(true);
        settle().await;
        let request = find("#preview-request").expect("open: the signed request").text_content().unwrap();
        assert!(request.contains("first-name") && request.contains("/api/v2/vm"), "{request}");
        assert!(find("#preview-curl").unwrap().text_content().unwrap().starts_with("curl "));

        type_into(&host, "f-zenlayer-imageName", "second-name");
        settle().await;
        let request = find("#preview-request").unwrap().text_content().unwrap();
        assert!(request.contains("second-name") && !request.contains("first-name"), "{request}");

        details.set_open(false);
        settle().await;
        assert!(find("#preview-request").is_none(), "closed again: nothing signed stays on the page");
    }
}
