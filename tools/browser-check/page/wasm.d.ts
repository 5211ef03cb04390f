// esbuild's `--loader:.wasm=file` (and Vite's `?url`) turn a .wasm import into the URL of the copied file.
declare module "*.wasm" {
  const url: string;
  export default url;
}
