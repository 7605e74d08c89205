from tfagenda.cli import main

main()
