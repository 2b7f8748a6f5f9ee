import App

await LangNgheCommand.runMain()
