from tfagenda.lsp import main

main()
