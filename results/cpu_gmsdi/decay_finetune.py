"""Continue the cpu model runs/gmsdi_emph08 (a copy of it, runs/gmsdi_emph08_decay) from step 5000 to 6500 at a
learning rate of 3e-4 instead of 1e-3 (from the folder holding data/ and runs/):
    cp -r runs/gmsdi_emph08 runs/gmsdi_emph08_decay && python main/results/cpu_gmsdi/decay_finetune.py
"""
from gensep.diffusion import train_diffusion
# schedule 'step': the profile's lr 1e-3 times 0.3 from step 5000 on
train_diffusion('data/mini', 'runs/gmsdi_emph08_decay', profile='cpu', steps=6500, resume=True,
                train=dict(schedule='step', gamma=0.3, decay_every=5000))
