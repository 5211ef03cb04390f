/**
 * The Course 2 examples by name, with what each shows: light enough for the example list to load without
 * the data and the model (the runs themselves are in course2.ts).
 */
export const COURSE2_NAMES = [
  ["init-zeros", "Initialization notebook, zeros: symmetry never breaks, cost stays ln 2, accuracy 0.5"],
  ["init-random", "Initialization notebook, randn·10: starts at cost inf (saturated sigmoids) and trains on"],
  ["init-he", "Initialization notebook, He (randn·√(2/n_prev)): 99.3 % train, 96 % test"],
  ["reg-none", "Regularization notebook without regularization: overfits the football data"],
  ["reg-l2", "Regularization notebook with L2, λ = 0.7"],
  [
    "reg-dropout",
    "Regularization notebook with dropout, keep_prob 0.86, masks from np.random.seed(1) every pass",
  ],
  ["opt-gd", "Optimization notebook, mini-batch gradient descent, lr 0.0007"],
  ["opt-momentum", "Optimization notebook, momentum β = 0.9"],
  ["opt-adam", "Optimization notebook, Adam: 94.3 % where gd and momentum reach 71.7 %"],
  [
    "opt-gd-update-lr",
    "Optimization notebook, gd with update_lr (decay every epoch): the rate collapses, 65.3 %",
  ],
  ["opt-gd-decay", "Optimization notebook, gd with schedule_lr_decay (every 1000 epochs): 94.3 %"],
  ["opt-momentum-decay", "Optimization notebook, momentum with schedule_lr_decay: 95.3 %"],
  ["opt-adam-decay", "Optimization notebook, Adam with schedule_lr_decay: 94 %"],
] as const;

export type Course2Name = (typeof COURSE2_NAMES)[number][0];
