from coatlas.cli import app

app()
