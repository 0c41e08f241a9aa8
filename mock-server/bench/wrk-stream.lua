-- wrk script: a 64-token chat completion (see README, Performance)
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer bench"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"model":"meta-llama-3.1-8b-instruct","max_tokens":64,"seed":1,"stream":true,"messages":[{"role":"user","content":"Tell me about the weather in Paris."}]}'
