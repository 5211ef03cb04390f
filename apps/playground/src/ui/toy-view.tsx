export const ToyView = () => <section class="view">2-D playground: coming next.</section>;
