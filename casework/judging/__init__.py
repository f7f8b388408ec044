"""The judging layer: the one place where a learner's answer becomes feedback.

Chapter widgets, exercise notebooks and ``casework grade`` all call these judges, so the same
answer gets the same verdict everywhere. Judges read answers written in plain Korean
(:mod:`casework.judging.answers`), build their verdict through one rubric
(:mod:`casework.judging.rubric`) and attach a ladder of hints and a model answer
(:mod:`casework.judging.feedback`). Nothing here imports widgets, plots or IPython.
"""
