"""Files the model attaches: local paths (confined when hosted) and strict base64, checked and streamed."""
