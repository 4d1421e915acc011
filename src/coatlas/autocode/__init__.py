"""autocode"""
