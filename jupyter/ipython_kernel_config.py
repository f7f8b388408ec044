# Read by every kernel started from the workbook's environment (copied into .venv/etc/ipython
# by tasks.py): the %%답 answer cell exists from the first cell and says in Korean what to run.
c = get_config()  # noqa: F821 - provided by IPython when it reads this file
c.InteractiveShellApp.extensions = ["casework.exercises.magic"]
