from tfagenda.cli import console

console()
