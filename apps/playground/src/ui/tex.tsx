import katex from "katex";

/** An equation typeset by KaTeX (display style). */
export const Tex = ({ tex }: { readonly tex: string }) => (
  <div
    class="tex"
    // KaTeX's own HTML for our own TeX strings: nothing from the user goes in here.
    dangerouslySetInnerHTML={{
      __html: katex.renderToString(tex, { displayMode: true, throwOnError: false }),
    }}
  />
);
