export const StepView = () => <section class="view">Step view: coming next.</section>;
